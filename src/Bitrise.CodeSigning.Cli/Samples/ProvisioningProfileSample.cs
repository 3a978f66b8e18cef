using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;

namespace Bitrise.CodeSigning.Cli.Samples;

/// <summary>
/// Makes a provisioning profile in Apple's format: an XML property list wrapped in CMS SignedData (DER).
/// Apple signs real profiles with its own certificate, but the sample is signed by a self-signed one.
/// </summary>
internal static class ProvisioningProfileSample
{
    /// <summary>The team identifier written to the sample profile.</summary>
    public const string TeamIdentifier = "DEMO123456";

    /// <summary>The bundle identifier the sample profile is for.</summary>
    public const string BundleIdentifier = "io.bitrise.demo";

    /// <summary>Returns the signed profile bytes for <paramref name="developerCertificate"/>.</summary>
    public static byte[] Create(Guid uuid, X509Certificate2 developerCertificate)
    {
        var propertyList = CreatePropertyList(uuid, developerCertificate, DateTimeOffset.UtcNow);
        return Sign(propertyList);
    }

    /// <summary>
    /// Returns the profile's property list as UTF-8 XML with the keys Xcode reads: the app ID, team, dates,
    /// entitlements and the DER of each developer certificate.
    /// </summary>
    public static byte[] CreatePropertyList(Guid uuid, X509Certificate2 developerCertificate, DateTimeOffset creationDate)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "\t" };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteDocType("plist", "-//Apple//DTD PLIST 1.0//EN", "http://www.apple.com/DTDs/PropertyList-1.0.dtd", null);
            writer.WriteStartElement("plist");
            writer.WriteAttributeString("version", "1.0");
            writer.WriteStartElement("dict");

            WriteString(writer, "AppIDName", "Bitrise Demo");
            WriteStringArray(writer, "ApplicationIdentifierPrefix", TeamIdentifier);
            WriteDate(writer, "CreationDate", creationDate);
            WriteStringArray(writer, "Platform", "iOS");
            WriteDataArray(writer, "DeveloperCertificates", developerCertificate.RawData);
            WriteEntitlements(writer);
            WriteDate(writer, "ExpirationDate", creationDate.AddDays(365));
            WriteString(writer, "Name", "Bitrise Demo App Store");
            WriteStringArray(writer, "TeamIdentifier", TeamIdentifier);
            WriteString(writer, "TeamName", "Bitrise Demo");
            WriteKey(writer, "TimeToLive");
            writer.WriteElementString("integer", "365");
            WriteString(writer, "UUID", uuid.ToString("D").ToUpperInvariant());
            WriteKey(writer, "Version");
            writer.WriteElementString("integer", "1");

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Wraps <paramref name="content"/> in CMS SignedData signed by a new self-signed certificate, which the
    /// SignedData carries so that its signature can be checked without other files.
    /// </summary>
    public static byte[] Sign(byte[] content)
    {
        using var signingCertificate = SelfSignedCertificates.Create("CN=Bitrise Demo Profile Signing", TimeSpan.FromDays(365));
        var signedCms = new SignedCms(new ContentInfo(content), detached: false);

        // The default option, ExcludeRoot, would leave out a self-signed signer's certificate.
        var signer = new CmsSigner(signingCertificate) { IncludeOption = X509IncludeOption.EndCertOnly };
        signedCms.ComputeSignature(signer);

        return signedCms.Encode();
    }

    private static void WriteEntitlements(XmlWriter writer)
    {
        WriteKey(writer, "Entitlements");
        writer.WriteStartElement("dict");
        WriteString(writer, "application-identifier", $"{TeamIdentifier}.{BundleIdentifier}");
        WriteString(writer, "com.apple.developer.team-identifier", TeamIdentifier);
        WriteKey(writer, "get-task-allow");
        writer.WriteElementString("false", null);
        WriteStringArray(writer, "keychain-access-groups", $"{TeamIdentifier}.*");
        writer.WriteEndElement();
    }

    private static void WriteKey(XmlWriter writer, string key) => writer.WriteElementString("key", key);

    private static void WriteString(XmlWriter writer, string key, string value)
    {
        WriteKey(writer, key);
        writer.WriteElementString("string", value);
    }

    private static void WriteDate(XmlWriter writer, string key, DateTimeOffset value)
    {
        WriteKey(writer, key);
        writer.WriteElementString("date", value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static void WriteStringArray(XmlWriter writer, string key, string value)
    {
        WriteKey(writer, key);
        writer.WriteStartElement("array");
        writer.WriteElementString("string", value);
        writer.WriteEndElement();
    }

    private static void WriteDataArray(XmlWriter writer, string key, byte[] value)
    {
        WriteKey(writer, key);
        writer.WriteStartElement("array");
        writer.WriteElementString("data", Convert.ToBase64String(value));
        writer.WriteEndElement();
    }
}
