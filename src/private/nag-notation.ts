/**
 * A resolved resource as cdk-nag names it in a finding (`<Logical.Arn>/prefix/*`),
 * or undefined for a shape it is not worth naming.
 */
export function nagNotation(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, any>;
  if (typeof v.Ref === 'string') return `<${v.Ref}>`;
  if (Array.isArray(v['Fn::GetAtt'])) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (Array.isArray(v['Fn::Join']) && v['Fn::Join'][0] === '') {
    const parts = (v['Fn::Join'][1] as unknown[]).map(nagNotation);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return undefined;
}
