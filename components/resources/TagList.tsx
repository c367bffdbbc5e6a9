import { Badge } from '../ui/PageHeader';

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge tone={tag === 'env=prod' ? 'red' : 'zinc'}>{tag}</Badge>
        </li>
      ))}
    </ul>
  );
}
