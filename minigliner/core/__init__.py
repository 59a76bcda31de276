"""The core pieces of GLiNER in the order of notebooks 01-06: the prompt (01), the span layers (03-04),
scoring and losses (05), decoding (06). The encoder they sit on is in minigliner.encoders (02)."""
