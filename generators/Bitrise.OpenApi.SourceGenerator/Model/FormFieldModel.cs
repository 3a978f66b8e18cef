namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>A field of a form or multipart request body, sent as one method parameter.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="WireName">The field name as written in the schema's properties or the Swagger 2.0 <c>formData</c> parameter.</param>
/// <param name="IsFile">
/// True for a binary field (<c>format: binary</c>, or Swagger 2.0 <c>type: file</c>), which is a <c>Stream</c>
/// parameter sent as a file part; <see cref="Type"/> is then unused.
/// </param>
internal sealed record FormFieldModel(
    string Name,
    string WireName,
    string? Description,
    TypeModel Type,
    bool IsRequired,
    bool IsFile);
