import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';

export function newStack(): Stack {
  return new Stack(new App(), 'Test');
}

/** The one `AWS::Organizations::Policy` in a stack, as synthesized. */
export function onlyPolicy(stack: Stack): { Name: string; Content: any; TargetIds: unknown; Description: string; Type: string } {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy'));
  if (policies.length !== 1) throw new Error(`expected one policy, found ${policies.length}`);
  return policies[0].Properties;
}

/** Synth-time validation messages of an app (construct validations), without throwing. */
export function validationErrors(stack: Stack): string {
  try {
    Template.fromStack(stack);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

export function warnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}
