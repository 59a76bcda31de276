"""Training (07): reading NER data with checks, corpora and mixtures, labels and targets per batch,
the training loop, resumable checkpoints, and self-training (09)."""
