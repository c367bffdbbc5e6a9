import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { Th } from './DataTable';
import { columnLabels, columnLabelStyle } from './column-labels';

const th = (children: unknown) => createElement(Th, null, children as string);

describe('columnLabels', () => {
  it('reads each header cell of a fragment in order, skipping conditional ones that are absent', () => {
    const isEveryone = false;
    const head = createElement(Fragment, null, th('Resource'), isEveryone ? th('User') : null, th('State'), th(3));
    expect(columnLabels(head)).toEqual(['Resource', 'State', '3']);
  });

  it('gives a header without plain text (an sr-only "Actions") no visible label', () => {
    const head = createElement(Fragment, null, th('Name'), th(createElement('span', { className: 'sr-only' }, 'Actions')));
    expect(columnLabels(head)).toEqual(['Name', null]);
  });
});

describe('columnLabelStyle', () => {
  it('numbers the columns from 1 as CSS strings, none for an unlabelled one', () => {
    expect(columnLabelStyle(['Started', null])).toEqual({ '--col-1': '"Started"', '--col-2': 'none' });
  });

  it('escapes what could end the string or the style', () => {
    expect(columnLabelStyle(['a "b" \\ </style>'])).toEqual({ '--col-1': '"a \\22 b\\22  \\5c  \\3c /style>"' });
  });
});
