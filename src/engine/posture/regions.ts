/**
 * Regions where Amazon Bedrock is offered (commercial partition), for the region picker. A region missing here can
 * still be typed in; one listed where an API is not offered answers `unknown (not offered)`, never a pass.
 */
export const BEDROCK_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'il-central-1',
  'me-central-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

/** `us-east-1`-shaped (the picker accepts regions not in the list). */
export function isRegionName(s: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d$/.test(s);
}
