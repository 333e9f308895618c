import type { CallNode } from './ast';
import { type Compiled, type Env, step } from './eval-env';
import type { ExprType } from './types';
import type { ExprValue } from './values';

export interface CallSite {
  readonly node: CallNode;
  readonly args: readonly Compiled[];
  readonly types: readonly ExprType[];
}

export type FunctionCompiler = (site: CallSite) => Compiled;

/** All arguments evaluated in order; any blank argument makes the result blank. */
export function strictCall(site: CallSite, body: (values: ExprValue[], env: Env) => ExprValue): Compiled {
  const { args, node } = site;
  return (env) => {
    step(env, node.range);
    const values: ExprValue[] = [];
    for (const arg of args) {
      const value = arg(env);
      if (value === null) return null;
      values.push(value);
    }
    return body(values, env);
  };
}

/** The text literal of an argument (the unit of DATEDIF/DATEADD); the typechecker made sure it is one. */
export function literalArg(site: CallSite, index: number): string {
  const arg = site.node.args[index];
  return arg?.kind === 'text' ? arg.value.toLowerCase() : '';
}
