using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace Bitrise.CodeSigning.Internal;

/// <summary>
/// The rules of the update (PATCH) operations: <c>is_protected</c> and <c>processed</c> cannot change once they are
/// true, and <c>is_expose</c> cannot change while <c>is_protected</c> is true. Each rule compares the requested value
/// with the current one, so sending a current value again never breaks a rule.
/// </summary>
internal static class PatchRules
{
    private const int ServiceMessageLength = 300;

    /// <summary>Returns every rule that <paramref name="change"/> breaks against <paramref name="current"/>, in field order.</summary>
    /// <remarks>
    /// The rules look at the state before the change, as the emulator does, so one change may protect a file and change
    /// its <c>is_expose</c> together.
    /// NOTE: a flag that <paramref name="current"/> lacks (null) counts as false, the value of a new file.
    /// </remarks>
    public static IReadOnlyList<CodeSigningConstraintViolation> Check(IFileFlags current, IFlagChange change)
    {
        var violations = new List<CodeSigningConstraintViolation>();
        var isProtected = current.IsProtected ?? false;

        if (isProtected && change.IsProtected is { HasValue: true, Value: false })
        {
            violations.Add(new(PatchFields.IsProtected, Current: true, Requested: false));
        }

        var isExpose = current.IsExpose ?? false;
        if (isProtected && change.IsExpose.HasValue && change.IsExpose.Value != isExpose)
        {
            violations.Add(new(PatchFields.IsExpose, isExpose, change.IsExpose.Value));
        }

        if ((current.Processed ?? false) && change.Processed is { HasValue: true, Value: false })
        {
            violations.Add(new(PatchFields.Processed, Current: true, Requested: false));
        }

        return violations;
    }

    /// <summary>Returns whether <paramref name="flags"/> has all three flags, so a check against it needs no show.</summary>
    public static bool HasAllFlags(IFileFlags flags)
        => flags.IsProtected is not null && flags.IsExpose is not null && flags.Processed is not null;

    /// <summary>Returns whether the service's response to the PATCH rejected it for one of the rules.</summary>
    /// <remarks>
    /// NOTE: the API documents no error code for these rules, only a <c>400</c> with a <c>message</c>. The emulator's
    /// messages name the field ("is_protected cannot be changed once it is true."). This check needs no more of the
    /// wording than that: a 400 whose message names a constrained field that the change sets. Other 400s of the
    /// update stay plain <see cref="CodeSigningApiException"/>s.
    /// </remarks>
    public static bool IsRuleRejection(CodeSigningApiException exception, IFlagChange change)
    {
        if (exception.StatusCode != HttpStatusCode.BadRequest || exception.ServiceMessage is not { } message)
        {
            return false;
        }

        return SetFields(change).Any(field => message.Contains(field, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Creates the exception for violations that the client found before sending.</summary>
    public static CodeSigningConstraintException RejectedBeforeSending(FileKindOperations operations, string appSlug, string fileSlug, IReadOnlyList<CodeSigningConstraintViolation> violations)
    {
        var message = new StringBuilder()
            .Append($"The PATCH of {operations.DisplayName} '{fileSlug}' of app '{appSlug}' was not sent because it breaks the API's rules: ")
            .Append(string.Join("; ", violations))
            .Append(". ")
            .Append(NextSteps(violations));
        return new CodeSigningConstraintException(message.ToString().TrimEnd(), operations.Kind, appSlug, fileSlug, violations, rejectedByService: false);
    }

    /// <summary>
    /// Creates the exception for the service's 400, with the violations found against <paramref name="stateAfter"/>,
    /// the state read after the rejection, or none when it could not be read.
    /// </summary>
    public static CodeSigningConstraintException RejectedByService(
        FileKindOperations operations, string appSlug, string fileSlug, IFlagChange change, IFileFlags? stateAfter, CodeSigningApiException rejection)
    {
        var violations = stateAfter is null ? [] : Check(stateAfter, change);
        var serviceMessage = rejection.ServiceMessage ?? string.Empty;
        if (serviceMessage.Length > ServiceMessageLength)
        {
            serviceMessage = serviceMessage[..(ServiceMessageLength - 1)] + "\u2026";
        }

        var message = new StringBuilder()
            .Append($"The API rejected the PATCH of {operations.DisplayName} '{fileSlug}' of app '{appSlug}' with 400: {serviceMessage.TrimEnd('.')}. ")
            .Append("The file changed after its state was read, or the state passed as 'current' was out of date. ");
        if (violations.Count > 0)
        {
            message.Append("Against its state now, the change breaks these rules: ").Append(string.Join("; ", violations)).Append(". ").Append(NextSteps(violations));
        }
        else
        {
            message.Append("Read the file again and decide whether the change is still needed.");
        }

        return new CodeSigningConstraintException(message.ToString().TrimEnd(), operations.Kind, appSlug, fileSlug, violations, rejectedByService: true, rejection);
    }

    private static string NextSteps(IReadOnlyList<CodeSigningConstraintViolation> violations)
    {
        var steps = new StringBuilder();
        if (violations.Any(violation => violation.Field == PatchFields.IsProtected))
        {
            steps.Append("Protection cannot be undone: to have an unprotected file, upload it again as a new file and delete the protected one. ");
        }

        if (violations.Any(violation => violation.Field == PatchFields.IsExpose))
        {
            steps.Append("Set is_expose before protecting a file, or upload it again as a new file. ");
        }

        if (violations.Any(violation => violation.Field == PatchFields.Processed))
        {
            steps.Append("The API sets processed when it confirms the upload; to process the file anew, upload it again. ");
        }

        return steps.Append("Leave a field unset to keep its value.").ToString();
    }

    private static IEnumerable<string> SetFields(IFlagChange change)
    {
        if (change.IsProtected.HasValue)
        {
            yield return PatchFields.IsProtected;
        }

        if (change.IsExpose.HasValue)
        {
            yield return PatchFields.IsExpose;
        }

        if (change.Processed.HasValue)
        {
            yield return PatchFields.Processed;
        }
    }
}
