import { useState } from 'react';
import type { Customer } from '../../lib/types.ts';
import { CustomerFormModal } from './CustomerFormModal.tsx';
import { CustomerTable } from './CustomerTable.tsx';
import { MergeCustomerModal } from './MergeCustomerModal.tsx';
import { SearchedList } from './SearchedList.tsx';
import { useCustomerList } from './useCustomers.ts';

const WORDS = {
  find: 'Find a customer',
  placeholder: 'Name or email address',
  one: 'customer',
  many: 'customers',
};

/** Search, page through, edit and merge customers. */
export function CustomerList() {
  const [editing, setEditing] = useState<Customer | null>(null);
  const [merging, setMerging] = useState<Customer | null>(null);
  return (
    <>
      <SearchedList words={WORDS} useList={useCustomerList}>
        {(customers) => <CustomerTable customers={customers} onEdit={setEditing} onMerge={setMerging} />}
      </SearchedList>
      {editing && <CustomerFormModal customer={editing} onClose={() => setEditing(null)} />}
      {merging && <MergeCustomerModal target={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
