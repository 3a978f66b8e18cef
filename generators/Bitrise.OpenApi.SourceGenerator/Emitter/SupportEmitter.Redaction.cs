namespace Bitrise.OpenApi.SourceGenerator.Emitter;

internal static partial class SupportEmitter
{
    // The members of OpenApiJson that remove secrets from an error body before the client keeps it in an exception.
    // A JSON encoder may escape any character of a secret: System.Text.Json writes '+' as \u002B, others write '/'
    // as \/. So the secret is searched in the text and in views of it with the escapes decoded, and each match is
    // replaced in the text as the service wrote it. Like DateOnlyMembers, the text starts with its own line breaks
    // and carries the indentation of the class it goes into.
    private const string RedactionMembers = """


                /// <summary>The length of the shortest start of a secret that is redacted at the end of a cut text; a shorter one is too likely to be ordinary text.</summary>
                private const int MinimumCutSecretLength = 4;

                /// <summary>How many times a text is JSON-unescaped to find a secret, so that JSON inside a JSON string is read too.</summary>
                private const int MaxEscapeDepth = 3;

                private static readonly global::System.Text.RegularExpressions.Regex UrlQuery = new global::System.Text.RegularExpressions.Regex(@"https?://[^\s""'<>?#]+\?([^\s""'<>]*)", global::System.Text.RegularExpressions.RegexOptions.CultureInvariant);

                /// <summary>
                /// Replaces each secret in <paramref name="text"/> with <c>[redacted]</c>: as written, and in every form that a
                /// JSON string can encode it in, such as <c>\u002B</c> or <c>\u002b</c> for <c>+</c> and <c>\/</c> for
                /// <c>/</c>, also inside JSON that a JSON string holds. When <paramref name="cut"/> is true, a length limit may
                /// have cut the text in the middle of a secret, so a start of a secret that takes at least four characters at the
                /// end of the text, or before a final ellipsis, is replaced too.
                /// </summary>
                public static string RedactSecrets(string text, global::System.Collections.Generic.IEnumerable<string> secrets, bool cut)
                {
                    var spans = new global::System.Collections.Generic.List<RedactedSpan>();
                    foreach (var view in EscapeViews(text))
                    {
                        foreach (var secret in secrets)
                        {
                            if (string.IsNullOrEmpty(secret))
                            {
                                continue;
                            }

                            for (var index = view.Text.IndexOf(secret, global::System.StringComparison.Ordinal); index >= 0; index = view.Text.IndexOf(secret, index + secret.Length, global::System.StringComparison.Ordinal))
                            {
                                spans.Add(view.ToText(index, index + secret.Length));
                            }

                            if (cut)
                            {
                                AddCutSecret(view, secret, spans);
                            }
                        }
                    }

                    return Redact(text, spans);
                }

                /// <summary>
                /// Replaces the query string of every http or https URL in <paramref name="text"/>, which may hold a presigned
                /// URL's signature, with <c>[redacted]</c>, also where a JSON string escapes the URL
                /// (<c>https:\/\/host\/key?X-Amz-Signature=...</c>).
                /// </summary>
                public static string RedactUrlQueries(string text)
                {
                    var spans = new global::System.Collections.Generic.List<RedactedSpan>();
                    foreach (var view in EscapeViews(text))
                    {
                        foreach (global::System.Text.RegularExpressions.Match match in UrlQuery.Matches(view.Text))
                        {
                            var query = match.Groups[1];
                            spans.Add(view.ToText(query.Index, query.Index + query.Length));
                        }
                    }

                    return Redact(text, spans);
                }

                /// <summary>
                /// Adds the span of the longest start of <paramref name="secret"/> that ends the view, before a final ellipsis,
                /// when it takes at least <see cref="MinimumCutSecretLength"/> characters of the original text. An escape
                /// that the cut split counts with the start.
                /// </summary>
                private static void AddCutSecret(EscapeView view, string secret, global::System.Collections.Generic.List<RedactedSpan> spans)
                {
                    var end = view.Text.EndsWith("\u2026", global::System.StringComparison.Ordinal) ? view.Text.Length - 1 : view.Text.Length;
                    for (var length = global::System.Math.Min(secret.Length - 1, end); length >= 1; length--)
                    {
                        if (string.CompareOrdinal(view.Text, end - length, secret, 0, length) == 0)
                        {
                            var span = view.ToText(end - length, end);
                            if (span.End - span.Start >= MinimumCutSecretLength)
                            {
                                spans.Add(span);
                            }

                            return;
                        }
                    }
                }

                /// <summary>
                /// Returns the text, followed by up to <see cref="MaxEscapeDepth"/> views of it, each with the JSON escapes of the
                /// one before decoded, while the last still contains a backslash.
                /// </summary>
                private static global::System.Collections.Generic.List<EscapeView> EscapeViews(string text)
                {
                    var views = new global::System.Collections.Generic.List<EscapeView> { new EscapeView(text, null) };
                    while (views.Count <= MaxEscapeDepth && views[views.Count - 1].Text.IndexOf('\\') >= 0)
                    {
                        var decoded = views[views.Count - 1].Decode();
                        if (decoded.Text == views[views.Count - 1].Text)
                        {
                            // Its backslashes start no escape, so decoding again changes nothing.
                            break;
                        }

                        views.Add(decoded);
                    }

                    return views;
                }

                /// <summary>Replaces each non-empty span of the text with <c>[redacted]</c>; overlapping spans become one.</summary>
                private static string Redact(string text, global::System.Collections.Generic.List<RedactedSpan> spans)
                {
                    if (spans.Count == 0)
                    {
                        return text;
                    }

                    spans.Sort((left, right) => left.Start.CompareTo(right.Start));
                    var builder = new global::System.Text.StringBuilder(text.Length);
                    var done = 0;
                    foreach (var span in spans)
                    {
                        if (span.End <= span.Start || span.End <= done)
                        {
                            continue;
                        }

                        if (span.Start >= done)
                        {
                            builder.Append(text, done, span.Start - done).Append("[redacted]");
                        }

                        done = span.End;
                    }

                    return builder.Append(text, done, text.Length - done).ToString();
                }

                /// <summary>
                /// Reads the character at <paramref name="index"/>, decoding a JSON escape, and returns how many characters of
                /// the text it takes: 1 for a plain character or a backslash that starts no escape, 2 or 6 for an escape, and 0
                /// for an escape that the end of the text cuts off.
                /// </summary>
                private static int ReadCharacter(string text, int index, out char character)
                {
                    character = text[index];
                    if (character != '\\')
                    {
                        return 1;
                    }

                    if (index + 1 == text.Length)
                    {
                        return 0;
                    }

                    switch (text[index + 1])
                    {
                        case '"':
                        case '\\':
                        case '/':
                            character = text[index + 1];
                            return 2;
                        case 'b':
                            character = '\b';
                            return 2;
                        case 'f':
                            character = '\f';
                            return 2;
                        case 'n':
                            character = '\n';
                            return 2;
                        case 'r':
                            character = '\r';
                            return 2;
                        case 't':
                            character = '\t';
                            return 2;
                        case 'u' when index + 6 > text.Length:
                            return 0;
                        case 'u' when ushort.TryParse(text.Substring(index + 2, 4), global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture, out var code):
                            character = (char)code;
                            return 6;
                        default:
                            return 1;
                    }
                }

                /// <summary>A range of the original text, from <see cref="Start"/> up to but not including <see cref="End"/>.</summary>
                private readonly struct RedactedSpan
                {
                    public RedactedSpan(int start, int end)
                    {
                        Start = start;
                        End = end;
                    }

                    public int Start { get; }

                    public int End { get; }
                }

                /// <summary>A text with JSON escapes decoded, which maps each of its characters back to the original text.</summary>
                private sealed class EscapeView
                {
                    // For each character of Text, and for its end, the index in the original text where it starts; null when Text is the original.
                    private readonly int[]? _starts;

                    public EscapeView(string text, int[]? starts)
                    {
                        Text = text;
                        _starts = starts;
                    }

                    public string Text { get; }

                    /// <summary>Returns the span of the original text that the characters from <paramref name="start"/> to <paramref name="end"/> come from.</summary>
                    public RedactedSpan ToText(int start, int end) => new RedactedSpan(Start(start), Start(end));

                    /// <summary>
                    /// Returns a view with the JSON escapes of this one decoded. An escape that the end of the text cuts off is left
                    /// out, so a span that reaches the end of the new view covers it.
                    /// </summary>
                    public EscapeView Decode()
                    {
                        var builder = new global::System.Text.StringBuilder(Text.Length);
                        var starts = new global::System.Collections.Generic.List<int>(Text.Length + 1);
                        var index = 0;
                        while (index < Text.Length)
                        {
                            var length = ReadCharacter(Text, index, out var character);
                            if (length == 0)
                            {
                                break;
                            }

                            starts.Add(Start(index));
                            builder.Append(character);
                            index += length;
                        }

                        starts.Add(Start(Text.Length));
                        return new EscapeView(builder.ToString(), starts.ToArray());
                    }

                    private int Start(int index) => _starts is null ? index : _starts[index];
                }
        """;
}
