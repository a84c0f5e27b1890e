"""What several blueprints share: form toolkit, questions, reasons, labels, limits."""
