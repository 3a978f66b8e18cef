using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>The values of an open enum.</summary>
/// <param name="IsInteger">True for <c>type: integer</c>: the struct wraps a <c>long</c>; otherwise a <c>string</c>.</param>
/// <param name="Members">The listed values, in ordinal order of their C# names.</param>
internal sealed record EnumModel(bool IsInteger, EquatableArray<EnumMemberModel> Members);

/// <summary>One listed value of an open enum.</summary>
/// <param name="Name">The C# name of the static property, unique in the struct.</param>
/// <param name="Value">The value as JSON text of a string, or the decimal digits of an integer.</param>
internal sealed record EnumMemberModel(string Name, string Value);
