import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ])('neutralises a cell starting with a formula character: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('exports a negative number with the quote too (OWASP: anything starting with "-")', () => {
    expect(csvField('-5')).toBe("'-5");
  });

  it.each([
    ['plain', 'plain'],
    ['5', '5'],
    ['3.14', '3.14'],
    ['a=b', 'a=b'],
    ['x-y', 'x-y'],
    ['', ''],
    ["it's", "it's"],
  ])('leaves an ordinary value as it is: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('quotes per RFC 4180', () => {
    expect(csvField('x,y')).toBe('"x,y"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('writes NULL as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', '=b'],
        [
          ['1', null],
          ['@x', 'y,z'],
        ],
      ),
    ).toBe(`a,'=b\r\n1,\r\n'@x,"y,z"\r\n`);
  });
});
