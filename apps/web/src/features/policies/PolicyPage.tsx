import { Alert, Center, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import { PolicyEditor } from './PolicyEditor.tsx';
import { usePolicy } from './usePolicies.ts';
import { explain } from './words.ts';

/** /policies/:id and /policies/new: the editor, what-if, publishing and the versions. */
export function PolicyPage({ isAdmin }: { isAdmin: boolean }) {
  const { id } = useParams();
  const isNew = id === 'new';
  const policy = usePolicy(isNew ? undefined : id);
  if (isNew)
    return isAdmin ? (
      <PolicyEditor policy={null} />
    ) : (
      <Alert color="yellow">Only an admin can create policies.</Alert>
    );
  if (policy.isPending)
    return (
      <Center h="40vh">
        <Loader aria-label="Loading the policy" />
      </Center>
    );
  if (policy.isError)
    return (
      <Alert color="red" title="This policy cannot be shown">
        {explain(policy.error)}
      </Alert>
    );
  return <PolicyEditor policy={policy.data} />;
}
