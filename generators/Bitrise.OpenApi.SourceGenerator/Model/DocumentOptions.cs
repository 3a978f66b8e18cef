namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// The options of one document that its <c>AdditionalFiles</c> item metadata sets, besides the namespace and the
/// client name.
/// </summary>
/// <param name="Accessibility">The accessibility of the generated top-level types.</param>
/// <param name="SerializerContextName">The name of the JSON serializer context, or null for <c>{ClientName}JsonSerializerContext</c>.</param>
internal sealed record DocumentOptions(
    TypeAccessibility Accessibility = TypeAccessibility.Public,
    string? SerializerContextName = null)
{
    public static DocumentOptions Default { get; } = new();
}
