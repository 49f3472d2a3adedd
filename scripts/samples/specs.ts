// The shipped samples, in the order they are generated.
import { CHICAGO } from './chicago.ts';
import { PEORIA } from './peoria.ts';
import { SOCAL } from './socal.ts';
import type { SampleSpec } from './spec.ts';

export const SAMPLE_SPECS: readonly SampleSpec[] = [CHICAGO, SOCAL, PEORIA];
