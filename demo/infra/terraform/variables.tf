variable "region" {
  description = "AWS Region that hosts the support-assistant stack and its Bedrock models."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix for every resource name."
  type        = string
  default     = "support-assistant"
}

variable "environment" {
  description = "Deployment stage, used in tags."
  type        = string
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging or prod."
  }
}

variable "blocked_message" {
  description = "What the assistant says when the guardrail blocks a prompt or an answer."
  type        = string
  default     = "Sorry, I can't help with that. A support agent will follow up with you."
}

variable "log_retention_days" {
  description = "How long model-invocation logs are kept in CloudWatch Logs."
  type        = number
  default     = 30
}
