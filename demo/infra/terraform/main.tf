terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = var.name_prefix
      Environment = var.environment
    }
  }
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
}

# Model invocation logs: every prompt and completion (including customer PII) ends up here.
# TODO: encrypt with our CMK (SSE-KMS) before launch; right now it only gets the S3 default.
resource "aws_s3_bucket" "invocation_logs" {
  bucket = "${var.name_prefix}-bedrock-invocation-logs-${local.account_id}"
}

# FIXME: opened up so the analytics team could read logs from their own account; lock down again.
resource "aws_s3_bucket_public_access_block" "invocation_logs" {
  bucket                  = aws_s3_bucket.invocation_logs.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "invocation_logs" {
  bucket = aws_s3_bucket.invocation_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "BedrockLogDelivery"
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.invocation_logs.arn}/*"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:aws:bedrock:${var.region}:${local.account_id}:*" }
      }
    }]
  })
}

# No kms_key_id yet, so the logs are only encrypted with the CloudWatch Logs service key.
resource "aws_cloudwatch_log_group" "invocation_logs" {
  name              = "/aws/bedrock/${var.name_prefix}/model-invocations"
  retention_in_days = var.log_retention_days
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  depends_on = [aws_s3_bucket_policy.invocation_logs]

  logging_config {
    text_data_delivery_enabled      = true
    image_data_delivery_enabled     = false
    embedding_data_delivery_enabled = false

    s3_config {
      bucket_name = aws_s3_bucket.invocation_logs.id
      key_prefix  = "invocations"
    }

    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.invocation_logs.name
      role_arn       = aws_iam_role.bedrock_logging.arn
    }
  }
}

# Role assumed by the chat Lambda (see app/chat.py).
resource "aws_iam_role" "chatbot" {
  name = "${var.name_prefix}-chatbot"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

# Added during the prototype so we could try every model. Replace with the scoped policy in iam.tf.
resource "aws_iam_role_policy" "chatbot_bedrock" {
  name = "bedrock-full-access"
  role = aws_iam_role.chatbot.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:*"
      Resource = "*"
    }]
  })
}
