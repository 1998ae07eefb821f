import type { Rule } from '../rule';
import couldNotEvaluate from './couldNotEvaluate';
import fullAdmin from './fullAdmin';
import serviceWildcard from './serviceWildcard';
import bedrockInvokeStar from './bedrockInvokeStar';
import allowNotAction from './allowNotAction';
import allowNotResource from './allowNotResource';
import passRoleStar from './passRoleStar';
import wildcardPrincipal from './wildcardPrincipal';
import privilegeEscalation from './privilegeEscalation';
import bedrockApiKeys from './bedrockApiKeys';
import tamperControls from './tamperControls';
import restrictableStar from './restrictableStar';
import managedAdminPolicy from './managedAdminPolicy';
import wildcardActionScoped from './wildcardActionScoped';

/** IAM-family rules, in id order. */
export const IAM_RULES: readonly Rule[] = [
  couldNotEvaluate,
  fullAdmin,
  serviceWildcard,
  bedrockInvokeStar,
  allowNotAction,
  allowNotResource,
  passRoleStar,
  wildcardPrincipal,
  privilegeEscalation,
  bedrockApiKeys,
  tamperControls,
  restrictableStar,
  managedAdminPolicy,
  wildcardActionScoped,
];
