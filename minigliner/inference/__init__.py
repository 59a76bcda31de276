"""Prediction at any size: long texts split into windows, long label lists into groups, windows of
similar length batched together. It wraps the one-text path of GLiNER.predict_entities."""
