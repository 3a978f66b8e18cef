namespace Bitrise.CodeSigning;

/// <summary>
/// One rule of a PATCH that a requested change breaks: <c>is_protected</c> and <c>processed</c> cannot change once
/// they are true, and <c>is_expose</c> cannot change while <c>is_protected</c> is true.
/// </summary>
/// <param name="Field">The JSON name of the field: <c>is_protected</c>, <c>is_expose</c> or <c>processed</c>.</param>
/// <param name="Current">The field's current value.</param>
/// <param name="Requested">The value that the change requested.</param>
public sealed record CodeSigningConstraintViolation(string Field, bool Current, bool Requested)
{
    /// <summary>Returns the rule in words, for example <c>is_protected is true and cannot change to false</c>.</summary>
    public override string ToString()
    {
        var text = $"{Field} is {Format(Current)} and cannot change to {Format(Requested)}";
        return Field == PatchFields.IsExpose ? text + " while is_protected is true" : text;
    }

    private static string Format(bool value) => value ? "true" : "false";
}

/// <summary>The JSON names of the fields that the PATCH rules constrain.</summary>
internal static class PatchFields
{
    public const string IsProtected = "is_protected";
    public const string IsExpose = "is_expose";
    public const string Processed = "processed";
}
