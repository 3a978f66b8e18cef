namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>One property of an object schema.</summary>
/// <param name="Name">The C# property name, unique in its class.</param>
/// <param name="JsonName">The property name exactly as written in the document.</param>
/// <param name="IsSensitive">True for <c>format: password</c> or <c>x-sensitive: true</c>; <c>ToString()</c> redacts the value.</param>
/// <param name="IsReadOnly">True for <c>readOnly: true</c>: the converter reads the property but never writes it.</param>
/// <param name="IsWriteOnly">True for <c>writeOnly: true</c>: the converter writes the property and does not require it on read.</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    string? Description,
    TypeModel Type,
    bool IsRequired,
    bool IsSensitive,
    bool IsReadOnly = false,
    bool IsWriteOnly = false);
