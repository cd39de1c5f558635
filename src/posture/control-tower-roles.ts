import { controlTowerRoleArnPatterns, CONTROL_TOWER_ROLE_NAMES } from '../core/control-tower';

/** AWS Control Tower's own roles, for exempting them from residency SCPs. */
export class ControlTowerRoles {
  /** The role names Control Tower creates in enrolled accounts. */
  public static readonly NAMES: string[] = [...CONTROL_TOWER_ROLE_NAMES];

  /** `aws:PrincipalArn` patterns (`arn:aws:iam::*:role/NAME`) for `exemptPrincipalArns`. */
  public static arnPatterns(): string[] {
    return controlTowerRoleArnPatterns();
  }

  private constructor() {}
}
