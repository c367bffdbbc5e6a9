'use client';

import { useId, useState } from 'react';
import { ConnectButton } from '../resources/ConnectButton';
import { inputClass } from '../ui/Field';
import { useKubeGet, type KubeGet } from './use-kube-get';

type Pod = { name: string; phase: string; containers: string[] };

/** The only pick in a list of one is made for the user; otherwise they choose. */
function picked(chosen: string, options: readonly string[]): string {
  if (options.includes(chosen)) return chosen;
  return options.length === 1 ? (options[0] ?? '') : '';
}

/**
 * Namespace → pod → container, each list loaded from the cluster inside the resource's scope,
 * then "Open shell" starts a session on that container and opens the terminal. Pods that are
 * not running are listed (so a crashing pod is not a mystery) but cannot be chosen.
 */
export function PodPicker({ resourceId }: { resourceId: string }) {
  const base = `/api/v1/resources/${encodeURIComponent(resourceId)}/kubernetes`;
  const namespaces = useKubeGet<{ namespaces: string[] }>(`${base}/namespaces`);
  const [chosenNamespace, setNamespace] = useState('');
  const [chosenPod, setPod] = useState('');
  const [chosenContainer, setContainer] = useState('');

  const namespaceList = namespaces.status === 'ready' ? namespaces.data.namespaces : [];
  const namespace = picked(chosenNamespace, namespaceList);
  const pods = useKubeGet<{ pods: Pod[] }>(namespace ? `${base}/pods?namespace=${encodeURIComponent(namespace)}` : null);
  const podList = pods.status === 'ready' ? pods.data.pods : [];
  const runningPods = podList.filter((p) => p.phase === 'Running').map((p) => p.name);
  const podName = picked(chosenPod, runningPods);
  const pod = podList.find((p) => p.name === podName);
  const container = picked(chosenContainer, pod?.containers ?? []);
  const target = namespace && pod && container ? { namespace, pod: pod.name, container } : undefined;

  return (
    <div className="space-y-3" data-testid="pod-picker" data-status={pickerStatus(namespaces, pods)}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <PickerSelect
          label="Namespace"
          value={namespace}
          placeholder={namespaces.status === 'loading' ? 'Loading…' : 'Choose a namespace'}
          isLoading={namespaces.status === 'loading'}
          onChange={(next) => {
            setNamespace(next);
            setPod('');
            setContainer('');
          }}
          options={namespaceList.map((name) => ({ value: name, label: name }))}
        />
        <PickerSelect
          label="Pod"
          value={podName}
          placeholder={pods.status === 'loading' ? 'Loading…' : namespace ? 'Choose a pod' : 'Choose a namespace first'}
          isLoading={pods.status === 'loading'}
          onChange={(next) => {
            setPod(next);
            setContainer('');
          }}
          options={podList.map((p) => ({ value: p.name, label: `${p.name} · ${p.phase}`, disabled: p.phase !== 'Running' }))}
        />
        <PickerSelect
          label="Container"
          value={container}
          placeholder={pod ? 'Choose a container' : 'Choose a pod first'}
          isLoading={false}
          onChange={setContainer}
          options={(pod?.containers ?? []).map((name) => ({ value: name, label: name }))}
        />
      </div>
      <PickerMessage namespaces={namespaces} pods={pods} namespace={namespace} />
      <ConnectButton resourceId={resourceId} label="Open shell" target={target} disabled={!target} />
    </div>
  );
}

function pickerStatus(namespaces: KubeGet<unknown>, pods: KubeGet<{ pods: Pod[] }>): string {
  if (namespaces.status === 'error' || pods.status === 'error') return 'error';
  if (namespaces.status === 'loading' || pods.status === 'loading') return 'loading';
  if (pods.status === 'ready' && pods.data.pods.length === 0) return 'empty';
  return 'ready';
}

type Option = { value: string; label: string; disabled?: boolean };

function PickerSelect(props: { label: string; value: string; placeholder: string; isLoading: boolean; onChange: (value: string) => void; options: Option[] }) {
  const id = useId();
  const { label, value, placeholder, isLoading, onChange, options } = props;
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={isLoading || options.length === 0}
        aria-busy={isLoading}
        className={`${inputClass} truncate disabled:cursor-not-allowed disabled:text-zinc-400`}
      >
        <option value="" disabled>
          {placeholder}
        </option>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What to do when a list is empty or failed: the server's message, never a bare status code. */
function PickerMessage({ namespaces, pods, namespace }: { namespaces: KubeGet<{ namespaces: string[] }>; pods: KubeGet<{ pods: Pod[] }>; namespace: string }) {
  const text =
    namespaces.status === 'error'
      ? namespaces.message
      : namespaces.status === 'ready' && namespaces.data.namespaces.length === 0
        ? "The resource's token may not list pods in any namespace of its scope. Ask an admin to check the resource."
        : pods.status === 'error'
          ? pods.message
          : pods.status === 'ready' && pods.data.pods.length === 0
            ? `No pods in ${namespace} match the resource's scope.`
            : pods.status === 'ready' && !pods.data.pods.some((p) => p.phase === 'Running')
              ? `No pod in ${namespace} is running: a shell opens only in a running pod.`
              : null;
  if (!text) return null;
  const isError = namespaces.status === 'error' || pods.status === 'error';
  return (
    <p role={isError ? 'alert' : 'status'} className={`text-sm ${isError ? 'text-red-600 dark:text-red-400' : 'text-zinc-600 dark:text-zinc-300'}`}>
      {text}
    </p>
  );
}
