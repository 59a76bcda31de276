"""What a trained model is used for: evaluation (12), tasks as prompts (09) and the command line."""
