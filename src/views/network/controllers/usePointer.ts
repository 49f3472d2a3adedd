// Hover and click on the network: hovering a node lights its neighborhood, clicking selects it, clicking
// the stage clears the selection. Returns the hovered node.
import { useEffect, useState } from 'react';
import type Sigma from 'sigma';
import { orgIdOf } from '../node-key.ts';
import type { EdgeAttributes, NodeAttributes } from '../render-graph.ts';
import { useLatest } from '../../../ui/useLatest.ts';

export function usePointer(
  sigma: Sigma<NodeAttributes, EdgeAttributes> | null,
  onSelect: (orgId: string | undefined) => void,
): string | undefined {
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const select = useLatest(onSelect);

  useEffect(() => {
    if (sigma === null) return;
    const container = sigma.getContainer();
    const enter = ({ node }: { node: string }) => {
      setHovered(node);
      container.style.cursor = 'pointer';
    };
    const leave = () => {
      setHovered(undefined);
      container.style.cursor = '';
    };
    const clickNode = ({ node }: { node: string }) => select.current(orgIdOf(node));
    const clickStage = () => select.current(undefined);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    sigma.on('clickNode', clickNode);
    sigma.on('clickStage', clickStage);
    return () => {
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      sigma.off('clickNode', clickNode);
      sigma.off('clickStage', clickStage);
    };
  }, [sigma, select]);

  return hovered;
}
