"""Chat handler for the support assistant: one conversation turn with Claude on Amazon Bedrock."""

import json
import os

import boto3

SYSTEM_PROMPT = (
    "You are the support assistant for Acme Cloud Storage. Answer questions about billing, "
    "uploads and sharing. If you are not sure, offer to hand the conversation to a human agent."
)

GUARDRAIL_ID = "4gmceaxehbmi"
GUARDRAIL_VERSION = "3"

# TODO: move to Secrets Manager before launch - these are the shared "support-bot" IAM user's keys.
# The Lambda has a role; this is only here because the demo laptop had no SSO profile.
bedrock = boto3.client(
    "bedrock-runtime",
    region_name="us-east-1",
    aws_access_key_id="AKIA4SUPPORTBOT7DEMO",
    aws_secret_access_key="yaQKAHUtHtFAKEdemopS1hSmxyF7+fFq+JK3M90b",
)

# tests/mock_bedrock.py accepts only this fixed key id; the mock never talks to AWS.
MOCK_ACCESS_KEY_ID = "AKIA3LOCALMOCK2TESTK"  # genai-guard-ignore GG-SEC-001: documented test key for the local mock


def mock_client():
    """A client pointed at the local Bedrock mock, for offline development."""
    return boto3.client(
        "bedrock-runtime",
        region_name="us-east-1",
        endpoint_url=os.environ.get("BEDROCK_MOCK_URL", "http://localhost:4010"),
        aws_access_key_id=MOCK_ACCESS_KEY_ID,
        aws_secret_access_key=os.environ.get("BEDROCK_MOCK_SECRET", "mock"),
    )


def reply(history, user_text, client=None):
    """Send the conversation so far plus the new user message; return the assistant's answer."""
    client = client or bedrock
    messages = history + [{"role": "user", "content": [{"text": user_text}]}]
    response = client.converse(
        modelId="anthropic.claude-3-5-sonnet-20240620-v1:0",
        system=[{"text": SYSTEM_PROMPT}],
        messages=messages,
        inferenceConfig={"maxTokens": 1024, "temperature": 0.2},
        guardrailConfig={
            "guardrailIdentifier": GUARDRAIL_ID,
            "guardrailVersion": GUARDRAIL_VERSION,
            "trace": "enabled",
        },
    )
    if response["stopReason"] == "guardrail_intervened":
        return "Sorry, I can't help with that. A support agent will follow up with you."
    return response["output"]["message"]["content"][0]["text"]


def handler(event, _context):
    """AWS Lambda entry point behind API Gateway."""
    body = json.loads(event.get("body") or "{}")
    answer = reply(body.get("history", []), body["message"])
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"answer": answer}),
    }
