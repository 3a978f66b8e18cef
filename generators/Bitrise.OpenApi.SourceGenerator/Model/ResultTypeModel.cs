using Bitrise.OpenApi.SourceGenerator.Helpers;

namespace Bitrise.OpenApi.SourceGenerator.Model;

/// <summary>
/// The generated result type of an operation whose 2xx responses have different bodies: the status code and one
/// nullable property per distinct body.
/// </summary>
/// <param name="TypeName">The type name, <c>{Operation}Result</c>, unique among the document's types.</param>
/// <param name="Properties">One property per distinct body, in the order of the first status that returns it.</param>
internal sealed record ResultTypeModel(string TypeName, EquatableArray<ResultPropertyModel> Properties);

/// <summary>A property of a <see cref="ResultTypeModel"/>, set when the response has one of its statuses.</summary>
/// <param name="Name">The property name: the body's generated type name, or <c>Body{Status}</c> after its first status.</param>
/// <param name="Body">The body that the property holds, JSON or text.</param>
/// <param name="StatusCodes">The 2xx keys whose responses return this body, such as <c>200</c> or <c>2XX</c>.</param>
internal sealed record ResultPropertyModel(string Name, BodyModel Body, EquatableArray<string> StatusCodes);
