"""Answers product questions from the help-center knowledge base (Bedrock RetrieveAndGenerate)."""

import os

import boto3

REGION = os.environ.get("AWS_REGION", "us-east-1")
MODEL_ID = os.environ.get("MODEL_ID", "anthropic.claude-3-5-sonnet-20240620-v1:0")
KNOWLEDGE_BASE_ID = os.environ.get("KNOWLEDGE_BASE_ID", "")

# Credentials come from the default chain: env vars, an SSO profile locally, the execution role in Lambda.
agent_runtime = boto3.client("bedrock-agent-runtime", region_name=REGION)


def model_arn(model_id=MODEL_ID, region=REGION):
    return f"arn:aws:bedrock:{region}::foundation-model/{model_id}"


def answer(question, session_id=None, max_results=5):
    """Retrieve relevant articles and let the model answer with citations."""
    if not KNOWLEDGE_BASE_ID:
        raise RuntimeError("Set KNOWLEDGE_BASE_ID (see infra/cloudformation/knowledge-base.json outputs).")
    kb_config = {
        "knowledgeBaseId": KNOWLEDGE_BASE_ID,
        "modelArn": model_arn(),
        "retrievalConfiguration": {
            "vectorSearchConfiguration": {"numberOfResults": max_results},
        },
    }
    guardrail_id = os.environ.get("GUARDRAIL_ID")
    if guardrail_id:
        kb_config["generationConfiguration"] = {
            "guardrailConfiguration": {
                "guardrailId": guardrail_id,
                "guardrailVersion": os.environ.get("GUARDRAIL_VERSION", "DRAFT"),
            },
        }
    request = {
        "input": {"text": question},
        "retrieveAndGenerateConfiguration": {"type": "KNOWLEDGE_BASE", "knowledgeBaseConfiguration": kb_config},
    }
    if session_id:
        request["sessionId"] = session_id
    response = agent_runtime.retrieve_and_generate(**request)
    sources = [
        ref["location"].get("s3Location", {}).get("uri")
        for citation in response.get("citations", [])
        for ref in citation.get("retrievedReferences", [])
    ]
    return {
        "answer": response["output"]["text"],
        "sessionId": response["sessionId"],
        "sources": sorted({s for s in sources if s}),
    }


if __name__ == "__main__":
    import sys

    result = answer(" ".join(sys.argv[1:]) or "How do I share a folder with someone outside my team?")
    print(result["answer"])
    for uri in result["sources"]:
        print(" -", uri)
