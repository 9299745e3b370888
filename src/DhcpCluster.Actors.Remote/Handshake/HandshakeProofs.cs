using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DhcpCluster.Actors.Remote.Handshake;

/// <summary>
/// The HMAC-SHA256 proofs of the shared-secret handshake. Each side proves it knows the secret by
/// answering the other side's fresh random nonce, bound to its own address and incarnation, so a proof
/// cannot be replayed on another connection or for another node.
/// </summary>
internal static class HandshakeProofs
{
    public const int NonceLength = 32;

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceLength);

    public static byte[] ServerProof(byte[] secret, ReadOnlySpan<byte> clientNonce, string serverAddress, long serverUid) =>
        Compute(secret, "server", clientNonce, serverAddress, serverUid);

    public static byte[] ClientProof(byte[] secret, ReadOnlySpan<byte> serverNonce, string clientAddress, long clientUid) =>
        Compute(secret, "client", serverNonce, clientAddress, clientUid);

    /// <summary>Constant-time comparison of a received proof with the expected one.</summary>
    public static bool Matches(byte[] expected, ReadOnlySpan<byte> received) =>
        received.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, received);

    private static byte[] Compute(byte[] secret, string label, ReadOnlySpan<byte> nonce, string address, long uid)
    {
        var data = new byte[label.Length + nonce.Length + Encoding.UTF8.GetByteCount(address) + 8];
        var offset = Encoding.ASCII.GetBytes(label, data);
        nonce.CopyTo(data.AsSpan(offset));
        offset += nonce.Length;
        offset += Encoding.UTF8.GetBytes(address, data.AsSpan(offset));
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(offset), uid);
        return HMACSHA256.HashData(secret, data);
    }
}
