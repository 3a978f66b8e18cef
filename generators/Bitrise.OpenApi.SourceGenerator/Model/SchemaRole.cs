namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>How a schema is used, which decides the C# shape of its optional properties.</summary>
internal enum SchemaRole
{
    /// <summary>Read from responses (or unused): optional properties are nullable.</summary>
    Response,

    /// <summary>Only sent as a request body: optional properties are <c>Optional&lt;T&gt;</c>.</summary>
    Request,
}
