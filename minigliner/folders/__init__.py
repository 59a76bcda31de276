"""Reading and writing model folders: weights checked key by key, minigliner's own folders, the official
gliner layout (11), and pretrained folders from disk, the offline MiniLM package or the hub."""
