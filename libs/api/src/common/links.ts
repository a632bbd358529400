import { Link } from '../root/root.documents';

/** Ironic's `self` (with `/v1`) and `bookmark` (without) links of a resource or sub-path. */
export function resourceLinks(baseUrl: string, path: string): Link[] {
  return [
    { href: `${baseUrl}/v1/${path}`, rel: 'self' },
    { href: `${baseUrl}/${path}`, rel: 'bookmark' },
  ];
}
