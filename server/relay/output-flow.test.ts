import { describe, expect, it } from 'vitest';
import { OutputFlow, SOCKET_HIGH_WATER_BYTES, SOCKET_LOW_WATER_BYTES } from './output-flow';
import { PauseGate } from './pause-gate';

function setup(windowBytes = 1000) {
  const events: string[] = [];
  let buffered = 0;
  const gate = new PauseGate(
    () => events.push('pause'),
    () => events.push('resume'),
  );
  const flow = new OutputFlow(gate, () => buffered, windowBytes);
  return { gate, flow, events, setBuffered: (n: number) => (buffered = n) };
}

describe('OutputFlow', () => {
  it('pauses past the window and resumes at half of it', () => {
    const { flow, gate, events } = setup();
    flow.onSend(600);
    flow.onSend(600);
    expect(events).toEqual(['pause']);
    flow.onAck(500);
    expect(gate.isPaused).toBe(true);
    flow.onAck(700);
    expect(events).toEqual(['pause', 'resume']);
    expect(flow.maxUnacked).toBe(1200);
  });

  it('ignores acks that go backwards or beyond what was sent', () => {
    const { flow } = setup();
    flow.onSend(100);
    flow.onAck(1_000_000);
    expect(flow.acked).toBe(100);
    flow.onAck(50);
    expect(flow.acked).toBe(100);
  });

  it('pauses on a backed-up socket even when the browser acks everything', () => {
    const { flow, gate, events, setBuffered } = setup(10 * SOCKET_HIGH_WATER_BYTES);
    setBuffered(SOCKET_HIGH_WATER_BYTES);
    flow.onSend(10);
    flow.onAck(10);
    expect(gate.isPaused).toBe(true);
    setBuffered(SOCKET_LOW_WATER_BYTES + 1);
    flow.onFlushed();
    expect(gate.isPaused).toBe(true);
    setBuffered(0);
    flow.onFlushed();
    expect(events).toEqual(['pause', 'resume']);
  });

  it('resumes only when every reason is released', () => {
    const { gate, events } = setup();
    gate.hold('browser');
    gate.hold('output:recorder');
    gate.release('browser');
    expect(events).toEqual(['pause']);
    gate.release('output:recorder');
    expect(events).toEqual(['pause', 'resume']);
    expect(gate.pauseCount).toBe(1);
  });
});
