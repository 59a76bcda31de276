"""minigliner: GLiNER, the zero-shot named entity recognizer, rebuilt from scratch in readable PyTorch."""
from .config import GLiNERConfig
from .encoders.bert import Encoder, EncoderConfig
from .model import GLiNER

__all__ = ["GLiNER", "GLiNERConfig", "Encoder", "EncoderConfig"]
__version__ = "0.1.0"
