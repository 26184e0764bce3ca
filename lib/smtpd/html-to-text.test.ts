import { describe, expect, test } from "vitest";
import { decodeEntities, htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  test.each([
    ["plain text passes through", "Backup OK", "Backup OK"],
    ["inline tags vanish", "Backup <b>completed</b> in <i>3 s</i>", "Backup completed in 3 s"],
    ["source line breaks and runs of spaces collapse", "Backup\n   completed\t\tfine", "Backup completed fine"],
    ["block elements end lines", "<div>Job: nightly</div><p>Status: FAILED</p>", "Job: nightly\nStatus: FAILED"],
    ["<br> ends a line", "one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour"],
    ["headings and list items end lines", "<h1>Report</h1><ul><li>a</li><li>b</li></ul>", "Report\na\nb"],
    ["table cells are separated by spaces, rows by lines", "<table><tr><td>Status:</td><td>OK</td></tr><tr><th>Took</th><td>3 s</td></tr></table>", "Status: OK\nTook 3 s"],
    ["scripts and styles are dropped with their content", "<style>p { color: red }</style><p>Hi</p><script type='x'>if (a < b) fail()</script>", "Hi"],
    ["an unclosed script runs to the end", "<p>Hi</p><script>fail()", "Hi"],
    ["comments are dropped", "<p>Hi<!-- FAILED --></p><!-- unclosed FAILED", "Hi"],
    ["doctype and xml declarations are dropped", '<?xml version="1.0"?><!DOCTYPE html><html><body>Hi</body></html>', "Hi"],
    ["title text is kept, as in Healthchecks", "<html><head><title>Backup report</title></head><body><p>OK</p></body></html>", "Backup report\nOK"],
    ["a quoted > inside an attribute does not end the tag", '<a title="a > b" href="x">link</a>', "link"],
    ["a lone < in text is kept", "<p>3 < 5 and 5 > 3</p>", "3 < 5 and 5 > 3"],
    ["entities are decoded after tags are removed", "<p>&lt;b&gt;not bold&lt;/b&gt; &amp; more</p>", "<b>not bold</b> & more"],
    ["&nbsp; is a space", "Backup&nbsp;&nbsp;completed", "Backup completed"],
    ["empty blocks leave no empty lines", "<div>\n  <p>a</p>\n\n  <p> </p><p>b</p>\n</div>", "a\nb"],
    ["an empty document is empty text", "", ""],
  ])("%s", (_name, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe("decodeEntities", () => {
  test.each([
    ["&amp; &lt; &gt; &quot; &apos;", "& < > \" '"],
    ["&#65;&#x42;&#X43;", "ABC"],
    ["&#128512;", "😀"],
    ["&hellip;&mdash;&euro;", "…—€"],
    ["&amp;lt; decodes once", "&lt; decodes once"],
    ["&unknown; and &amp without a semicolon", "&unknown; and &amp without a semicolon"],
    ["&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"],
  ])("decodes %j", (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});
