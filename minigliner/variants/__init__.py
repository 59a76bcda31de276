"""Variants of the core model: the token-level head (08), the bi-encoder's label encoder and the
poly-encoder's post-fusion (10), and factorized span scoring (13)."""
