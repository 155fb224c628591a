// A scripted ARM client for the adapters' table tests: each request path (absolute URLs included)
// answers its scripted body, or throws its scripted Error; an unscripted path is a 404. Records
// what was sent, in order. Test support only.
import { ArmError, type ArmClient, type ArmRequest } from './rest.ts';

export function scriptedArm(answers: Record<string, unknown>): { arm: ArmClient; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    arm: {
      async send<T>(req: ArmRequest) {
        sent.push(req.path);
        const a = answers[req.path];
        if (a instanceof Error) throw a;
        if (a === undefined) throw new ArmError({ status: 404, code: 'NotFound', message: 'NotFound', method: 'GET', path: req.path });
        return { status: 200, headers: {}, body: a as T };
      },
    },
  };
}
