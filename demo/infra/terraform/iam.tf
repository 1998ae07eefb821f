# Least-privilege access for the chatbot: only the two Claude models we ship with, and only our guardrail.
data "aws_iam_policy_document" "chatbot_invoke" {
  statement {
    sid    = "InvokeApprovedModels"
    effect = "Allow"
    actions = [
      "bedrock:InvokeModel",
      "bedrock:InvokeModelWithResponseStream",
    ]
    resources = [
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ]
  }

  statement {
    sid       = "ApplySupportGuardrail"
    effect    = "Allow"
    actions   = ["bedrock:ApplyGuardrail"]
    resources = [aws_bedrock_guardrail.support.guardrail_arn]
  }

  statement {
    sid       = "UseGuardrailKey"
    effect    = "Allow"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.transcripts.arn]
  }
}

resource "aws_iam_policy" "chatbot_invoke" {
  name        = "${var.name_prefix}-bedrock-invoke"
  description = "Invoke the approved Claude models through the support guardrail."
  policy      = data.aws_iam_policy_document.chatbot_invoke.json
}

resource "aws_iam_role_policy_attachment" "chatbot_invoke" {
  role       = aws_iam_role.chatbot.name
  policy_arn = aws_iam_policy.chatbot_invoke.arn
}

# Service role Bedrock assumes to deliver invocation logs to CloudWatch Logs.
resource "aws_iam_role" "bedrock_logging" {
  name = "${var.name_prefix}-bedrock-logging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "bedrock.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "bedrock_logging" {
  name = "write-invocation-logs"
  role = aws_iam_role.bedrock_logging.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.invocation_logs.arn}:log-stream:*"
    }]
  })
}
