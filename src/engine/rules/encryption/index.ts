import type { Rule } from '../rule';
import couldNotEvaluate, { JUDGED } from './couldNotEvaluate';
import s3NoEncryption from './s3NoEncryption';
import s3NotKms from './s3NotKms';
import s3PublicAcl from './s3PublicAcl';
import s3PublicAccessBlock from './s3PublicAccessBlock';
import s3SecureTransport from './s3SecureTransport';
import sagemakerNotebook from './sagemakerNotebook';
import sagemakerEndpoint from './sagemakerEndpoint';
import sagemakerJobs from './sagemakerJobs';
import bedrockCustomModel from './bedrockCustomModel';
import bedrockAgent from './bedrockAgent';
import bedrockGuardrail from './bedrockGuardrail';
import knowledgeBase from './knowledgeBase';
import invocationLogging from './invocationLogging';
import ebsVolume from './ebsVolume';
import rdsEncryption from './rdsEncryption';
import rdsPublic from './rdsPublic';
import dynamodb from './dynamodb';

const judged = [
  s3NoEncryption,
  s3NotKms,
  s3PublicAcl,
  s3PublicAccessBlock,
  s3SecureTransport,
  sagemakerNotebook,
  sagemakerEndpoint,
  sagemakerJobs,
  bedrockCustomModel,
  bedrockAgent,
  bedrockGuardrail,
  knowledgeBase,
  invocationLogging,
  ebsVolume,
  rdsEncryption,
  rdsPublic,
  dynamodb,
];
JUDGED.push(...judged);

/** Encryption and exposure rules, in id order. */
export const ENCRYPTION_RULES: readonly Rule[] = [couldNotEvaluate, ...judged];
