import { MEDIA_URL_PREFIX, type ModuleContent } from '@countersign/scenario-engine';

/** A photoUrl in module content, with the JSON path that names it in errors. */
export interface MediaReference {
  path: string;
  mediaId: string;
}

/**
 * Every uploaded image the content refers to, in document order. The model only admits
 * `/api/media/<uuid>` photoUrls, so the id is what follows the prefix.
 */
export function mediaReferences(content: ModuleContent, prefix: string): MediaReference[] {
  const references: MediaReference[] = [];
  content.scenario.steps.forEach((step, s) =>
    step.artefacts.forEach((artefact, a) => {
      if (artefact.kind === 'profile' && artefact.photoUrl) {
        references.push({
          path: `${prefix}scenario.steps[${s}].artefacts[${a}].photoUrl`,
          mediaId: artefact.photoUrl.slice(MEDIA_URL_PREFIX.length),
        });
      }
    }),
  );
  return references;
}

/** The content with each photoUrl pointing at the asset the mapping gives for its old id. */
export function rewriteMediaReferences(
  content: ModuleContent,
  mapping: ReadonlyMap<string, string>,
): ModuleContent {
  return {
    ...content,
    scenario: {
      ...content.scenario,
      steps: content.scenario.steps.map((step) => ({
        ...step,
        artefacts: step.artefacts.map((artefact) => {
          if (artefact.kind !== 'profile' || !artefact.photoUrl) return artefact;
          const newId = mapping.get(artefact.photoUrl.slice(MEDIA_URL_PREFIX.length));
          return newId ? { ...artefact, photoUrl: `${MEDIA_URL_PREFIX}${newId}` } : artefact;
        }),
      })),
    },
  };
}
