import type { AppDocument } from '@tessera/schemas';
import type { SampleBatch } from '@tessera/templates';

/**
 * Who owns each sample record: customers are shared out in turn among `owners`, and every other
 * record follows the record it belongs to (a contact its customer, a quote its opportunity), so a
 * rep's customers come with their contacts, deals and quotes; a record naming its `owner` (the
 * n-th of `owners`) goes to that person. Batches arrive parents first.
 */
export function sampleOwners(document: AppDocument, batches: readonly SampleBatch[], owners: readonly string[]): Map<string, string> {
  const ownerOf = new Map<string, string>();
  if (owners.length === 0) return ownerOf;
  const objects = new Map(document.objects.map((o) => [o.id, o] as const));
  let turn = 0;
  for (const batch of batches) {
    const relations = (objects.get(batch.object)?.fields ?? []).filter((f) => f.type === 'relation').map((f) => f.id);
    for (const record of batch.records) {
      const parent = relations.map((field) => ownerOf.get(String(record.values[field] ?? ''))).find((owner) => owner !== undefined);
      // A record that belongs to a person (a rep's monthly target) names which owner it is.
      if (record.owner !== undefined) ownerOf.set(record.id, owners[record.owner % owners.length]!);
      else ownerOf.set(record.id, parent ?? owners[turn++ % owners.length]!);
    }
  }
  return ownerOf;
}
