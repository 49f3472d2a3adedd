// A dashed arrow for sigma: supply links that cross the home-region boundary are drawn dashed (as on the
// map), so that colour is left to say one thing only (which way the goods go for the selection). Sigma 3
// ships no dashed edge; this is a body program in the manner of its clamped edge (a quad that stops short
// of the target's disc and arrow head) whose fragments are cut into dashes by the distance from the
// source in screen pixels, composed with sigma's own arrow head.
import { EdgeProgram } from 'sigma/rendering';
import type { ProgramInfo } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

/** Dash and gap lengths (CSS px). */
export const DASH_PX = 6;
export const GAP_PX = 4;
/** The arrow head's length per unit of thickness: sigma's default, so that the body meets its head. */
const HEAD_LENGTH_RATIO = 2.5;

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_headLengthRatio;
uniform float u_feather;
uniform vec2 u_resolution;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

void main() {
  vec2 normal = a_normal * a_normalCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float thickness = max(normalLength, u_minEdgeThickness * u_sizeRatio) * u_correctionRatio / u_sizeRatio;

  // The end vertices step back along the link by the target's radius and the arrow head's length.
  float radius = a_radius * a_radiusCoef;
  float side = sign(radius);
  float back = side * radius * 2.0 * u_correctionRatio / u_sizeRatio + thickness * u_headLengthRatio * 2.0;
  vec2 backwards = vec2(-side * unitNormal.y, side * unitNormal.x) * back;

  vec2 position = mix(a_positionStart, a_positionEnd, a_positionCoef);
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * thickness + backwards, 1.0)).xy, 0.0, 1.0);

  // Distance from the source along the link, in CSS pixels: the dashes keep their length at every zoom.
  vec2 start = (u_matrix * vec3(a_positionStart, 1.0)).xy;
  vec2 end = (u_matrix * vec3(a_positionEnd, 1.0)).xy;
  v_along = a_positionCoef * length((end - start) * u_resolution * 0.5);

  v_thickness = thickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;

  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  // Sigma's colour encoding loses a step of alpha; it compensates the same way.
  v_color.a *= 255.0 / 254.0;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

uniform float u_dash;
uniform float u_gap;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

void main(void) {
  #ifdef PICKING_MODE
  // The gaps stay hoverable: picking sees the whole link.
  gl_FragColor = v_color;
  #else
  if (mod(v_along, u_dash + u_gap) > u_dash) discard;
  float distance = length(v_normal) * v_thickness;
  float fade = smoothstep(v_thickness - v_feather, v_thickness, distance);
  gl_FragColor = mix(v_color, vec4(0.0), fade);
  #endif
}
`;

const UNIFORMS = [
  'u_matrix',
  'u_zoomRatio',
  'u_sizeRatio',
  'u_correctionRatio',
  'u_pixelRatio',
  'u_feather',
  'u_minEdgeThickness',
  'u_headLengthRatio',
  'u_resolution',
  'u_dash',
  'u_gap',
] as const;
type Uniform = (typeof UNIFORMS)[number];

const { FLOAT, UNSIGNED_BYTE, TRIANGLES } = WebGLRenderingContext;

export class DashedEdgeBodyProgram extends EdgeProgram<Uniform> {
  getDefinition() {
    return {
      VERTICES: 6,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: TRIANGLES,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_positionStart', size: 2, type: FLOAT },
        { name: 'a_positionEnd', size: 2, type: FLOAT },
        { name: 'a_normal', size: 2, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_radius', size: 1, type: FLOAT },
      ],
      // Per vertex of the two triangles: [at the end?, which side, step back?].
      CONSTANT_ATTRIBUTES: [
        { name: 'a_positionCoef', size: 1, type: FLOAT },
        { name: 'a_normalCoef', size: 1, type: FLOAT },
        { name: 'a_radiusCoef', size: 1, type: FLOAT },
      ],
      CONSTANT_DATA: [
        [0, 1, 0],
        [0, -1, 0],
        [1, 1, 1],
        [1, 1, 1],
        [0, -1, 0],
        [1, -1, -1],
      ],
    };
  }

  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    source: NodeDisplayData,
    target: NodeDisplayData,
    data: EdgeDisplayData,
  ): void {
    const thickness = data.size || 1;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const length = Math.hypot(dx, dy);
    const nx = length > 0 ? (-dy / length) * thickness : 0;
    const ny = length > 0 ? (dx / length) * thickness : 0;
    const array = this.array;
    let i = startIndex;
    array[i++] = source.x;
    array[i++] = source.y;
    array[i++] = target.x;
    array[i++] = target.y;
    array[i++] = nx;
    array[i++] = ny;
    array[i++] = floatColor(data.color);
    array[i++] = edgeIndex;
    array[i] = target.size || 1;
  }

  setUniforms(params: RenderParams, { gl, uniformLocations }: ProgramInfo<Uniform>): void {
    const u = uniformLocations;
    gl.uniformMatrix3fv(u.u_matrix, false, params.matrix);
    gl.uniform1f(u.u_zoomRatio, params.zoomRatio);
    gl.uniform1f(u.u_sizeRatio, params.sizeRatio);
    gl.uniform1f(u.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(u.u_pixelRatio, params.pixelRatio);
    gl.uniform1f(u.u_feather, params.antiAliasingFeather);
    gl.uniform1f(u.u_minEdgeThickness, params.minEdgeThickness);
    gl.uniform1f(u.u_headLengthRatio, HEAD_LENGTH_RATIO);
    gl.uniform2f(u.u_resolution, params.width, params.height);
    gl.uniform1f(u.u_dash, DASH_PX);
    gl.uniform1f(u.u_gap, GAP_PX);
  }
}
