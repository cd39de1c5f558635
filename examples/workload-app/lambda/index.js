// Summarises text with the model the invoker role may call. The Lambda runtime ships AWS SDK v3.
const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

// ap-southeast-2: calls originate in Sydney, the only Region the posture allows.
const client = new BedrockRuntimeClient({ region: 'ap-southeast-2' });

exports.handler = async (event) => {
  const response = await client.send(new ConverseCommand({
    modelId: process.env.BEDROCK_MODEL_ID, // e.g. au.anthropic.claude-haiku-4-5-20251001-v1:0
    messages: [{ role: 'user', content: [{ text: `Summarise in two sentences:\n\n${event.text}` }] }],
    inferenceConfig: { maxTokens: 300 },
  }));
  return { summary: response.output.message.content[0].text };
};
