import { Container, Title } from '@mantine/core';

export function App() {
  return (
    <Container component="main">
      <Title order={1}>Regiolotse</Title>
    </Container>
  );
}
