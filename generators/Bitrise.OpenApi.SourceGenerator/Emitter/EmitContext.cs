using Bitrise.OpenApi.SourceGenerator.Model;

namespace Bitrise.OpenApi.SourceGenerator.Emitter;

/// <summary>Names shared by the emitters of one document.</summary>
internal sealed class EmitContext
{
    /// <param name="document">The document; its dates must already be strings when <paramref name="hasDateOnly"/> is false.</param>
    /// <param name="hasDateOnly">Whether the consumer's compilation has <c>System.DateOnly</c>.</param>
    public EmitContext(OpenApiDocumentModel document, bool hasDateOnly)
    {
        Document = document;
        HasDateOnly = hasDateOnly;
        Namespace = document.Namespace;
        Json = "global::" + document.Namespace + ".OpenApiJson";
        Optional = "global::" + document.Namespace + ".Optional";
        Accessibility = Keyword(document.Accessibility);
    }

    public OpenApiDocumentModel Document { get; }

    public string Namespace { get; }

    /// <summary>Whether <c>format: date</c> becomes <c>global::System.DateOnly</c>; otherwise it stays <c>string</c>.</summary>
    public bool HasDateOnly { get; }

    /// <summary>The keyword that every generated top-level type starts with: <c>public</c> or <c>internal</c>.</summary>
    public string Accessibility { get; }

    /// <summary>The fully qualified name of the internal JSON helper class.</summary>
    public string Json { get; }

    /// <summary>The fully qualified name of <c>Optional</c>, without its type argument.</summary>
    public string Optional { get; }

    /// <summary>The <c>[GeneratedCode]</c> attribute that every emitted type carries.</summary>
    public static string GeneratedCodeAttribute { get; } =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Bitrise.OpenApi.SourceGenerator\", \""
        + typeof(EmitContext).Assembly.GetName().Version + "\")]";

    public string Qualified(string typeName) => "global::" + Namespace + "." + typeName;

    /// <summary>Returns the C# keyword for an accessibility.</summary>
    public static string Keyword(TypeAccessibility accessibility) =>
        accessibility == TypeAccessibility.Internal ? "internal" : "public";
}
