import { describe, expect, it } from 'vitest';
import { findRawText } from '../../../scripts/check-raw-text.ts';

const texts = (source: string) => findRawText(source).map((r) => r.text);

describe('findRawText', () => {
  it('flags raw text in the template, with its line and column', () => {
    const source = [
      '<script lang="ts">',
      "  const title = 'Not template text';",
      '</script>',
      '',
      '<h1>{title}</h1>',
      '<p>',
      '  Gofyn am help',
      '</p>',
    ].join('\n');
    expect(findRawText(source)).toEqual([
      { line: 7, column: 3, text: 'Gofyn am help', where: 'text' },
    ]);
  });

  it('passes text that comes from the locales', () => {
    const source = [
      '<script lang="ts">',
      '  const t = (key: string) => key;',
      '</script>',
      '<h1 class="heading-l">{t(\'x\')}</h1>',
      "<p>{t('a')} – {t('b')}: 999 &nbsp; ! / &mdash;</p>",
      '<img alt={t(\'img\')} src="/icon.svg" />',
      '<style>p { font-family: Arial; }</style>',
    ].join('\n');
    expect(findRawText(source)).toEqual([]);
  });

  it('flags text in any script, inside blocks, snippets, the head and components', () => {
    const source = [
      '<svelte:head><title>Cymorth</title></svelte:head>',
      '{#if ok}<p>Iawn</p>{:else}<p>Ddim</p>{/if}',
      '{#each items as item (item)}<li>Eitem</li>{:else}<li>Dim</li>{/each}',
      '{#snippet hint()}<span>Awgrym</span>{/snippet}',
      '<Button>Anfon</Button>',
      '<p>Ελληνικά</p>',
    ].join('\n');
    expect(texts(source)).toEqual([
      'Cymorth',
      'Iawn',
      'Ddim',
      'Eitem',
      'Dim',
      'Awgrym',
      'Anfon',
      'Ελληνικά',
    ]);
  });

  it('flags literal text in read attributes, and only those', () => {
    const source = [
      '<img alt="Logo" src="/logo.svg" />',
      '<input placeholder="Eich enw" name="name" autocomplete="name" />',
      '<a href="/cy" title="Cymraeg {lang}" aria-label={label} class="link">{t(\'x\')}</a>',
      '<nav aria-label="Prif"></nav>',
      '<div aria-description="Disgrifiad"></div>',
      '<TextField label="Enw" field="name" />',
      '<button type="button" style:color="red" class:big={true}>{t(\'y\')}</button>',
    ].join('\n');
    expect(findRawText(source).map((r) => `${r.where}:${r.text}`)).toEqual([
      'alt:Logo',
      'placeholder:Eich enw',
      'title:Cymraeg',
      'aria-label:Prif',
      'aria-description:Disgrifiad',
      'label:Enw',
    ]);
  });

  it('ignores comments and nested script and style elements', () => {
    const source = [
      '<!-- A note for developers -->',
      '<svelte:head><script type="application/ld+json">{"name": "Cymorth"}</script></svelte:head>',
      '<div><style>.x { color: red }</style></div>',
    ].join('\n');
    expect(findRawText(source)).toEqual([]);
  });
});
