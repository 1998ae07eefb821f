# Conversation transcripts kept for quality review. This is the pattern every bucket should follow.
resource "aws_kms_key" "transcripts" {
  description             = "${var.name_prefix} transcripts and guardrail"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "transcripts" {
  name          = "alias/${var.name_prefix}-transcripts"
  target_key_id = aws_kms_key.transcripts.key_id
}

resource "aws_s3_bucket" "transcripts" {
  bucket = "${var.name_prefix}-transcripts-${local.account_id}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "transcripts" {
  bucket = aws_s3_bucket.transcripts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.transcripts.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "transcripts" {
  bucket                  = aws_s3_bucket.transcripts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "transcripts" {
  bucket = aws_s3_bucket.transcripts.id

  versioning_configuration {
    status = "Enabled"
  }
}

data "aws_iam_policy_document" "transcripts_tls_only" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.transcripts.arn,
      "${aws_s3_bucket.transcripts.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "transcripts" {
  bucket = aws_s3_bucket.transcripts.id
  policy = data.aws_iam_policy_document.transcripts_tls_only.json
}

resource "aws_bedrock_guardrail" "support" {
  name                      = "${var.name_prefix}-guardrail"
  description               = "Blocks prompt injection and masks customer PII in answers."
  blocked_input_messaging   = var.blocked_message
  blocked_outputs_messaging = var.blocked_message
  kms_key_arn               = aws_kms_key.transcripts.arn

  content_policy_config {
    filters_config {
      type            = "PROMPT_ATTACK"
      input_strength  = "HIGH"
      output_strength = "NONE"
    }
    filters_config {
      type            = "MISCONDUCT"
      input_strength  = "HIGH"
      output_strength = "HIGH"
    }
  }

  sensitive_information_policy_config {
    pii_entities_config {
      type   = "CREDIT_DEBIT_CARD_NUMBER"
      action = "BLOCK"
    }
    pii_entities_config {
      type   = "EMAIL"
      action = "ANONYMIZE"
    }
  }
}

resource "aws_bedrock_guardrail_version" "support" {
  guardrail_arn = aws_bedrock_guardrail.support.guardrail_arn
  description   = "Released with support-assistant 1.0"
  skip_destroy  = true
}

output "guardrail_id" {
  value = aws_bedrock_guardrail.support.guardrail_id
}

output "guardrail_version" {
  value = aws_bedrock_guardrail_version.support.version
}
