"""Transformer encoders written from scratch and their tokenizers: BERT (02), DeBERTa-v2/v3 and
SentencePiece (11), and the choice between them by a folder's model_type."""
