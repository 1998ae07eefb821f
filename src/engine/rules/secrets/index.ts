import type { Rule } from '../rule';
import awsAccessKeyId from './awsAccessKeyId';
import awsSecretAccessKey from './awsSecretAccessKey';
import awsSessionToken from './awsSessionToken';
import bedrockApiKey from './bedrockApiKey';
import openaiApiKey from './openaiApiKey';
import anthropicApiKey from './anthropicApiKey';
import huggingFaceToken from './huggingFaceToken';
import googleApiKey from './googleApiKey';
import azureOpenAiKey from './azureOpenAiKey';
import modelProviderApiKey from './modelProviderApiKey';
import aiToolingApiKey from './aiToolingApiKey';
import githubToken from './githubToken';
import gitlabToken from './gitlabToken';
import slackToken from './slackToken';
import stripeKey from './stripeKey';
import npmToken from './npmToken';
import privateKey from './privateKey';
import jsonWebToken from './jsonWebToken';
import connectionStringPassword from './connectionStringPassword';
import genericSecret from './genericSecret';

/** Secret-family rules, in id order. */
export const SECRET_RULES: readonly Rule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  awsSessionToken,
  bedrockApiKey,
  openaiApiKey,
  anthropicApiKey,
  huggingFaceToken,
  googleApiKey,
  azureOpenAiKey,
  modelProviderApiKey,
  aiToolingApiKey,
  githubToken,
  gitlabToken,
  slackToken,
  stripeKey,
  npmToken,
  privateKey,
  jsonWebToken,
  connectionStringPassword,
  genericSecret,
];
